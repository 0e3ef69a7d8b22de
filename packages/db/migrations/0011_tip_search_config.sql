-- The inbox's full-text search configuration: "simple" (no stemming, no stop words, so it treats
-- the ~19 languages tips arrive in alike) with accents folded by unaccent, so "Krakow" finds
-- "Kraków". unaccent is a trusted contrib extension (PostgreSQL 13+, and bundled with PGlite).
CREATE EXTENSION IF NOT EXISTS unaccent;--> statement-breakpoint
CREATE TEXT SEARCH CONFIGURATION tip_search (COPY = simple);--> statement-breakpoint
-- Every token type that may hold non-ASCII letters, words with digits ("Noël98") included.
ALTER TEXT SEARCH CONFIGURATION tip_search
  ALTER MAPPING FOR word, numword, hword, numhword, hword_part, hword_numpart WITH unaccent, simple;
