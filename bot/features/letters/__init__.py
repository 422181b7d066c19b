"""Letter photos: read an IRS notice from a photo or a PDF on this machine (docs/ocr.md)."""
