using StreamAnalytics.Abstractions.Faces;

namespace StreamAnalytics.Inference.Gallery;

/// <summary>
/// The enrolled identities of one face model, each with one or more embeddings, searched by cosine similarity.
/// </summary>
/// <remarks>
/// <para>Embeddings are scaled to unit length on enrolment and the query is scaled too, so a score is the cosine
/// similarity, in [-1, 1]. An identity's score is the maximum over its embeddings (its closest enrolled face): one
/// good enrolment photo is enough to be recognised, and adding photos taken in other conditions only widens what
/// matches, which a mean over embeddings would not.</para>
/// <para>A search costs identities × embeddings × embedding size multiply-adds (10,000 identities × 5 faces × 128
/// values is 6.4M, a few milliseconds on one core). Reads are lock-free on an immutable snapshot; every write copies
/// the identity list (not the embeddings of other identities) under a lock and publishes a new snapshot, which suits
/// concurrent searches with rare enrolments.</para>
/// </remarks>
public sealed class FaceGallery
{
    private readonly Lock _writeLock = new();
    private readonly Dictionary<string, GalleryIdentity> _identities = new(StringComparer.Ordinal);
    private readonly int _maxIdentities;
    private readonly int _maxEmbeddingsPerIdentity;
    private readonly int _maxIdentityLength;
    private GalleryIdentity[] _snapshot = [];
    private float _threshold;

    /// <summary>An empty gallery of embeddings with <paramref name="embeddingSize"/> values each.</summary>
    /// <param name="embeddingSize">The face model's embedding size; every embedding added or searched must have it.</param>
    /// <param name="options">Limits and the threshold; defaults when null. Validated and copied.</param>
    public FaceGallery(int embeddingSize, FaceGalleryOptions? options = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(embeddingSize, 1);
        options ??= new FaceGalleryOptions();
        options.Validate();
        EmbeddingSize = embeddingSize;
        _maxIdentities = options.MaxIdentities;
        _maxEmbeddingsPerIdentity = options.MaxEmbeddingsPerIdentity;
        _maxIdentityLength = options.MaxIdentityLength;
        _threshold = options.Threshold;
    }

    /// <summary>The number of values in every embedding.</summary>
    public int EmbeddingSize { get; }

    /// <summary>
    /// The open-set threshold: a best score below it makes a face unknown. Starts at
    /// <see cref="FaceGalleryOptions.Threshold"/>; may be changed at any time (a newly calibrated model).
    /// </summary>
    public float Threshold
    {
        get => Volatile.Read(ref _threshold);
        set
        {
            OpenSetThreshold.ThrowIfInvalid(value);
            Volatile.Write(ref _threshold, value);
        }
    }

    /// <summary>The number of enrolled identities.</summary>
    public int Count => Volatile.Read(ref _snapshot).Length;

    /// <summary>The enrolled identities, in no particular order.</summary>
    public IReadOnlyList<string> Identities => Array.ConvertAll(Volatile.Read(ref _snapshot), identity => identity.Name);

    /// <summary>How many embeddings <paramref name="identity"/> has; 0 when it is not enrolled.</summary>
    public int EmbeddingCount(string identity)
    {
        ArgumentNullException.ThrowIfNull(identity);
        foreach (var enrolled in Volatile.Read(ref _snapshot))
        {
            if (string.Equals(enrolled.Name, identity, StringComparison.Ordinal))
            {
                return enrolled.EmbeddingCount;
            }
        }

        return 0;
    }

    /// <summary>
    /// Adds <paramref name="embeddings"/> to <paramref name="identity"/>, enrolling it if new. Throws
    /// <see cref="ArgumentException"/> for a blank or too long identity, no embeddings, or an embedding of the wrong size,
    /// all zeros or not finite; <see cref="GalleryLimitExceededException"/> when the identity would exceed
    /// <see cref="FaceGalleryOptions.MaxEmbeddingsPerIdentity"/> or the gallery
    /// <see cref="FaceGalleryOptions.MaxIdentities"/>. Either way nothing changes.
    /// </summary>
    public void Add(string identity, IReadOnlyList<float[]> embeddings) => Write(identity, embeddings, append: true);

    /// <summary>
    /// Makes <paramref name="embeddings"/> the only embeddings of <paramref name="identity"/>, enrolling it if new.
    /// Fails as <see cref="Add"/> does, leaving the gallery unchanged.
    /// </summary>
    public void Replace(string identity, IReadOnlyList<float[]> embeddings) => Write(identity, embeddings, append: false);

    /// <summary>Removes <paramref name="identity"/> and all its embeddings; false when it was not enrolled.</summary>
    public bool Remove(string identity)
    {
        ArgumentNullException.ThrowIfNull(identity);
        lock (_writeLock)
        {
            if (!_identities.Remove(identity))
            {
                return false;
            }

            Publish();
            return true;
        }
    }

    /// <summary>
    /// The <paramref name="k"/> enrolled identities most similar to <paramref name="embedding"/>, best first (equal
    /// scores by identity, ordinal), and whether the best reaches <see cref="Threshold"/>. An empty gallery answers
    /// unknown with score -1 and no candidates. Throws <see cref="ArgumentException"/> for an embedding of the wrong
    /// size, all zeros or not finite, and <see cref="ArgumentOutOfRangeException"/> for k below 1.
    /// </summary>
    public IdentificationResult Identify(ReadOnlySpan<float> embedding, int k)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        var inverseNorm = 1f / CheckEmbedding(embedding, nameof(embedding));
        var threshold = Threshold;
        var identities = Volatile.Read(ref _snapshot);
        if (identities.Length == 0)
        {
            return new IdentificationResult(null, Unknown: true, Score: -1f, Candidates: []);
        }

        var top = new TopCandidates(Math.Min(k, identities.Length));
        foreach (var identity in identities)
        {
            // Rounding can take a dot of two unit vectors a hair past ±1.
            top.Offer(identity.Name, Math.Clamp(identity.BestDot(embedding) * inverseNorm, -1f, 1f));
        }

        var candidates = top.ToCandidates();
        var best = candidates[0];
        var known = best.Score >= threshold;
        return new IdentificationResult(known ? best.Identity : null, Unknown: !known, best.Score, candidates);
    }

    private void Write(string identity, IReadOnlyList<float[]> embeddings, bool append)
    {
        CheckIdentity(identity);
        ArgumentNullException.ThrowIfNull(embeddings);
        if (embeddings.Count == 0)
        {
            throw new ArgumentException("At least one embedding is needed.", nameof(embeddings));
        }

        // Validated and normalised before the lock: nothing changes unless every embedding is good.
        var fresh = new float[embeddings.Count * EmbeddingSize];
        for (var i = 0; i < embeddings.Count; i++)
        {
            ArgumentNullException.ThrowIfNull(embeddings[i], nameof(embeddings));
            var norm = CheckEmbedding(embeddings[i], nameof(embeddings));
            var row = fresh.AsSpan(i * EmbeddingSize, EmbeddingSize);
            for (var j = 0; j < EmbeddingSize; j++)
            {
                row[j] = embeddings[i][j] / norm;
            }
        }

        lock (_writeLock)
        {
            var existing = _identities.GetValueOrDefault(identity);
            if (existing is null && _identities.Count >= _maxIdentities)
            {
                throw new GalleryLimitExceededException(
                    nameof(FaceGalleryOptions.MaxIdentities),
                    _maxIdentities,
                    $"The gallery already holds its maximum of {_maxIdentities} identities ({nameof(FaceGalleryOptions.MaxIdentities)}).");
            }

            var kept = append && existing is not null ? existing.EmbeddingCount : 0;
            var total = kept + embeddings.Count;
            if (total > _maxEmbeddingsPerIdentity)
            {
                throw new GalleryLimitExceededException(
                    nameof(FaceGalleryOptions.MaxEmbeddingsPerIdentity),
                    _maxEmbeddingsPerIdentity,
                    $"An identity holds at most {_maxEmbeddingsPerIdentity} embeddings ({nameof(FaceGalleryOptions.MaxEmbeddingsPerIdentity)}); " +
                    $"this one would hold {total}.");
            }

            var rows = fresh;
            if (kept > 0)
            {
                rows = new float[total * EmbeddingSize];
                existing!.Rows.CopyTo(rows, 0);
                fresh.CopyTo(rows, kept * EmbeddingSize);
            }

            _identities[identity] = new GalleryIdentity(identity, rows, total);
            Publish();
        }
    }

    // Called under the write lock. Readers see the old snapshot or the new one, never a mix.
    private void Publish() => Volatile.Write(ref _snapshot, [.. _identities.Values]);

    private void CheckIdentity(string identity)
    {
        ArgumentNullException.ThrowIfNull(identity);

        // Messages never repeat the identity: it may be a person's name, and errors get logged.
        if (string.IsNullOrWhiteSpace(identity))
        {
            throw new ArgumentException("The identity is blank.", nameof(identity));
        }

        if (identity.Length > _maxIdentityLength)
        {
            throw new ArgumentException(
                $"The identity has {identity.Length} characters; at most {_maxIdentityLength} are allowed.", nameof(identity));
        }
    }

    /// <summary>Checks size and values and returns the L2 norm.</summary>
    private float CheckEmbedding(ReadOnlySpan<float> embedding, string parameter)
    {
        if (embedding.Length != EmbeddingSize)
        {
            throw new ArgumentException(
                $"The embedding has {embedding.Length} values; this gallery's embeddings have {EmbeddingSize}.", parameter);
        }

        var norm = EmbeddingMath.Norm(embedding);
        if (norm == 0f)
        {
            throw new ArgumentException("The embedding is all zeros or holds a value that is not finite.", parameter);
        }

        return norm;
    }
}
