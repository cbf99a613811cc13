namespace StreamAnalytics.IntegrationTests;

/// <summary>Interaction events as <c>POST /api/interactions</c> takes them, for the API tests.</summary>
internal static class InteractionJson
{
    /// <summary>One valid event of <paramref name="user"/> with product <c>post-p</c>; the id is made unique per user.</summary>
    public static string Event(string id, string user, string type) =>
        $$"""{"eventId":"{{id}}-{{user}}","userId":"{{user}}","productId":"post-p","type":"{{type}}","timestamp":"2026-01-01T00:00:00Z"}""";

    /// <summary>A JSON array of <paramref name="count"/> valid <c>view</c> events of <paramref name="user"/>.</summary>
    public static string Batch(string user, int count) =>
        "[" + string.Join(",", Enumerable.Range(0, count).Select(i => Event($"e{i}", user, "view"))) + "]";
}
