"""Plumbing every layer may use: messages (pesan), number formats, escaping, file names, safe and
reproducible files, process lifetime and crash logs. Knows nothing of scoring."""
