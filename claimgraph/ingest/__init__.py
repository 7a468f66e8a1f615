"""Getting articles in: reading inputs, feeds, Telegram exports, batches, duplicates."""
