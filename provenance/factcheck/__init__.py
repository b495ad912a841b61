"""The fact-check domain: verdicts on claims, finding them again, and ClaimReview in and out.

`model` holds the verdict model (the rating scale, `Review`, `ClaimMatch`): the one module the store
imports. `claimreview` reads and writes schema.org ClaimReview, `matching` finds stored claims and
verdicts that match a text, and `workflow` is what the review commands call (a newsroom's settings
come from `provenance.config`). Nothing is imported here, so that importing the model stays light.
"""
