"""The back office's web pages: the funnel, A/B results, the leads inbox, spend; for ADMIN_IDS only."""
