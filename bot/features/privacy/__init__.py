"""features/privacy"""
