namespace StreamAnalytics.Grains.Faces;

/// <summary>One frame's embedding and the model version that computed it (the batcher's output).</summary>
internal sealed record FaceEmbedding(float[] Vector, string ModelVersion);
