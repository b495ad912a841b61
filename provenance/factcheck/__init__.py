"""The fact-check domain: verdicts on claims, finding them again, and ClaimReview in and out.

`model` holds the verdict model (the rating scale, `Review`, `ClaimMatch`): the one module the store
imports. `claimreview` reads and writes schema.org ClaimReview, `matching` finds stored claims and
verdicts that match a text, `workflow` is what the review commands call, and `config` reads a
newsroom's settings. Nothing is imported here, so that importing the model stays light.
"""
