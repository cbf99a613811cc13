namespace StreamAnalytics.Inference.Hosting;

/// <summary>A loaded model a <see cref="ModelHost{TModel}"/> can serve: it knows its version and owns native resources.</summary>
public interface IServedModel : IDisposable
{
    /// <summary>The version string the model was exported with; readable even after disposal.</summary>
    string Version { get; }
}
