"""Conversions for the ad platforms: a lead (and optionally a screening) sent back to Meta and Google."""
