using StreamAnalytics.Abstractions.Faces;

namespace StreamAnalytics.Inference.Gallery;

/// <summary>
/// The best k of a stream of (identity, score), kept sorted by insertion: k is small (a handful of candidates), so this
/// beats a heap. Equal scores are ordered by identity (ordinal), so every silo ranks the same gallery the same way
/// whatever order its identities were enrolled in.
/// </summary>
internal sealed class TopCandidates(int k)
{
    private readonly string[] _identities = new string[k];
    private readonly float[] _scores = new float[k];
    private int _count;

    public void Offer(string identity, float score)
    {
        if (_count == _identities.Length && !Before(identity, score, _count - 1))
        {
            return;
        }

        var at = Math.Min(_count, _identities.Length - 1);
        while (at > 0 && Before(identity, score, at - 1))
        {
            _identities[at] = _identities[at - 1];
            _scores[at] = _scores[at - 1];
            at--;
        }

        _identities[at] = identity;
        _scores[at] = score;
        _count = Math.Min(_count + 1, _identities.Length);
    }

    /// <summary>Best first.</summary>
    public IdentityCandidate[] ToCandidates()
    {
        var candidates = new IdentityCandidate[_count];
        for (var i = 0; i < _count; i++)
        {
            candidates[i] = new IdentityCandidate(_identities[i], _scores[i]);
        }

        return candidates;
    }

    private bool Before(string identity, float score, int index) =>
        score > _scores[index] || (score == _scores[index] && string.CompareOrdinal(identity, _identities[index]) < 0);
}
