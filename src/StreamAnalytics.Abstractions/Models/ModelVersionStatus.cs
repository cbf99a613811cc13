using System.Text.Json.Serialization;

namespace StreamAnalytics.Abstractions.Models;

/// <summary>Where a registered model version stands (JSON: <c>"candidate"</c>, <c>"active"</c>, ...).</summary>
[JsonConverter(typeof(CamelCaseEnumConverter<ModelVersionStatus>))]
public enum ModelVersionStatus
{
    /// <summary>Registered, never activated.</summary>
    Candidate,

    /// <summary>The version every silo serves (or is swapping to).</summary>
    Active,

    /// <summary>Was active; replaced by a later activation. Can be activated again (rollback).</summary>
    Retired,

    /// <summary>Refused: it failed validation (corrupt bytes, off the contract, failed probe) or the quality gate.</summary>
    Rejected,
}
