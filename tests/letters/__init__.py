"""Synthetic IRS notices and the tests of the letter-photo reader."""
