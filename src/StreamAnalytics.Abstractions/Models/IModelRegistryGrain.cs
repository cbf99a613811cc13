namespace StreamAnalytics.Abstractions.Models;

/// <summary>
/// The versions of one model kind (key: <see cref="ModelKinds"/>), their bytes (stored durably) and the active pointer
/// every silo follows. Activation validates the bytes first (load, contract, probe) on the registry's silo; a version
/// that fails is rejected and the active one keeps serving.
/// </summary>
public interface IModelRegistryGrain : IGrainWithStringKey
{
    /// <summary>
    /// Stores <paramref name="onnx"/> as a new candidate with its <paramref name="metrics"/>; bytes already registered
    /// (same SHA-256) return their existing version instead.
    /// </summary>
    /// <param name="onnx">The exported model.</param>
    /// <param name="metrics">Quality measurements to record with it.</param>
    /// <param name="source">Where it came from (<c>file</c>, <c>bootstrap</c>, <c>trainer</c>, <c>upload</c>).</param>
    Task<ModelVersionInfo> Register(byte[] onnx, IReadOnlyDictionary<string, double> metrics, string source);

    /// <summary>
    /// Makes version <paramref name="number"/> the active one after validating it (a rollback is activating an older
    /// one). A version that fails validation is marked rejected with the reason and the active version is unchanged.
    /// Null when there is no such version.
    /// </summary>
    Task<ModelVersionInfo?> Activate(int number);

    /// <summary>Marks a candidate rejected (it lost the quality gate) with <paramref name="reason"/>.</summary>
    Task Reject(int number, string reason);

    /// <summary>The active version; null before the first activation.</summary>
    Task<ModelVersionInfo?> GetActive();

    /// <summary>Every version, newest first.</summary>
    Task<IReadOnlyList<ModelVersionInfo>> List();

    /// <summary>The bytes of version <paramref name="number"/>; null when there is no such version.</summary>
    Task<byte[]?> Download(int number);

    /// <summary>
    /// Subscribes <paramref name="observer"/> to this kind's activations. A subscription lapses after
    /// <see cref="ObserverLifetime"/> unless renewed (each silo renews it as it polls), so a registry that moved to
    /// another silo, or a silo that died, costs at most that long of polling alone.
    /// </summary>
    Task Subscribe(IModelActivationObserver observer);

    /// <summary>How long a subscription lasts without renewal: 1 minute.</summary>
    static readonly TimeSpan ObserverLifetime = TimeSpan.FromMinutes(1);

    /// <summary>A silo reports that loading version <paramref name="number"/> failed (kept as the version's reason).</summary>
    Task ReportLoadFailure(int number, string silo, string reason);
}
