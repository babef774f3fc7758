-- Cosine similarity between the mean embeddings of every pair of slides (one backbone).
SELECT a.slide_id AS slide_a, b.slide_id AS slide_b,
       list_cosine_similarity(a.vector, b.vector) AS cosine
FROM slide_embeddings_mean a
JOIN slide_embeddings_mean b ON a.backbone = b.backbone AND a.slide_id < b.slide_id
WHERE a.backbone = 'mobilenet_v2_imagenet'
ORDER BY cosine DESC;
