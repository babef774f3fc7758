-- Tessera store, schema version 12: which code decoded each run's pixels. readers counts the slides a run opened
-- for extraction by pixel reader: 'direct-jpeg' (stored JPEG tiles of an SVS or tiled TIFF through libjpeg-turbo),
-- 'openslide', 'turbojpeg' (a plain JPEG through libjpeg-turbo) or 'imageio', e.g. {"direct-jpeg": 2, "turbojpeg": 6}.
-- The readers give the same pixels (checked when a slide is opened), so they do not key embeddings. NULL for runs
-- written before this version and for runs that opened no slide.
ALTER TABLE extraction_runs ADD COLUMN IF NOT EXISTS readers JSON;
