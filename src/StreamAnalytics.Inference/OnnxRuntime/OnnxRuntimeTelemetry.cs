using System.Runtime.InteropServices;

namespace StreamAnalytics.Inference.OnnxRuntime;

/// <summary>
/// Keeps ONNX Runtime from writing its telemetry database under <c>~/.cache</c> on Linux. The native library reads
/// <c>ORT_DISABLE_TELEMETRY</c> from the C environment when it loads, which <see cref="Environment.SetEnvironmentVariable(string, string)"/>
/// does not reach, so this sets it through libc. Hosts should still set it in their environment (launch settings,
/// Docker, CI); this only covers a process that forgot, provided it runs before ONNX Runtime is first touched.
/// </summary>
internal static partial class OnnxRuntimeTelemetry
{
    private const string Variable = "ORT_DISABLE_TELEMETRY";

    private static int _done;

    public static void EnsureDisabled()
    {
        if (Interlocked.Exchange(ref _done, 1) == 1 || !OperatingSystem.IsLinux() || Environment.GetEnvironmentVariable(Variable) is not null)
        {
            return;
        }

        // overwrite = 0: a value the operator set on purpose wins.
        _ = SetEnv(Variable, "1", 0);
        Environment.SetEnvironmentVariable(Variable, "1");
    }

    [LibraryImport("libc", EntryPoint = "setenv", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int SetEnv(string name, string value, int overwrite);
}
