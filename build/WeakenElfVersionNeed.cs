// Inline MSBuild task (compiled by RoslynCodeTaskFactory from Directory.Build.targets): marks one ELF version need
// (a Vernaux entry of .gnu.version_r) weak, so glibc's loader accepts a library whose needed version the system lacks.
// Why: libLibTorchSharp.so (TorchSharp 0.107.0) needs GLIBCXX_3.4.32 only for std::ios_base_library_init, which it
// never calls; Debian 12's libstdc++ stops at 3.4.30, so without this the library does not load at all.
using System;
using System.IO;
using System.Text;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

public sealed class WeakenElfVersionNeed : Task
{
    private const uint ShtGnuVerneed = 0x6ffffffe;
    private const ushort VerFlagWeak = 0x2;

    /// <summary>The copied libraries to patch in place (never the package cache: the caller passes output copies).</summary>
    [Required]
    public ITaskItem[] Files { get; set; } = Array.Empty<ITaskItem>();

    /// <summary>The version need to weaken, e.g. GLIBCXX_3.4.32.</summary>
    [Required]
    public string VersionName { get; set; } = "";

    /// <summary>Where the system library providing the version may be; the first that exists is read.</summary>
    [Required]
    public string[] SystemLibraryCandidates { get; set; } = Array.Empty<string>();

    public override bool Execute()
    {
        string systemLibrary = null;
        foreach (var candidate in SystemLibraryCandidates)
        {
            if (File.Exists(candidate))
            {
                systemLibrary = candidate;
                break;
            }
        }

        if (systemLibrary == null)
        {
            Log.LogMessage(MessageImportance.Low, "No system library found among {0}; {1} left as is.",
                string.Join(";", SystemLibraryCandidates), VersionName);
            return true;
        }

        // A system that provides the version loads the library unchanged: leave the file byte for byte as shipped.
        if (Contains(File.ReadAllBytes(systemLibrary), Encoding.ASCII.GetBytes(VersionName)))
        {
            Log.LogMessage(MessageImportance.Low, "{0} provides {1}; nothing to patch.", systemLibrary, VersionName);
            return true;
        }

        foreach (var item in Files)
        {
            var path = item.GetMetadata("FullPath");
            if (!File.Exists(path))
            {
                Log.LogMessage(MessageImportance.Low, "{0} does not exist; skipped.", path);
                continue;
            }

            try
            {
                Patch(path, systemLibrary);
            }
            catch (InvalidDataException e)
            {
                Log.LogError("Cannot weaken {0} in {1}: {2}", VersionName, path, e.Message);
            }
        }

        return !Log.HasLoggedErrors;
    }

    private void Patch(string path, string systemLibrary)
    {
        var elf = File.ReadAllBytes(path);
        var flagsOffset = FindVernauxFlags(elf, VersionName);
        if (flagsOffset < 0)
        {
            Log.LogMessage(MessageImportance.Low, "{0} needs no {1}; nothing to patch.", path, VersionName);
            return;
        }

        var flags = ReadU16(elf, flagsOffset);
        if ((flags & VerFlagWeak) != 0)
        {
            Log.LogMessage(MessageImportance.Low, "{0}: {1} is already weak.", path, VersionName);
            return;
        }

        var patched = (ushort)(flags | VerFlagWeak);

        // Patch a fresh copy and move it over the old file: if the output copy were a hard link or symbolic link into
        // the package cache, an in-place write would patch the cache too (File.Copy also keeps the file mode). The
        // shipped timestamp is kept so the SDK's incremental copy (same size and time = unchanged) does not copy the
        // unpatched library over it again.
        var lastWrite = File.GetLastWriteTimeUtc(path);
        var temporary = path + ".weakening";
        File.Copy(path, temporary, true);
        using (var stream = new FileStream(temporary, FileMode.Open, FileAccess.Write))
        {
            stream.Seek(flagsOffset, SeekOrigin.Begin);
            stream.Write(new[] { (byte)patched, (byte)(patched >> 8) }, 0, 2);
        }

        File.SetLastWriteTimeUtc(temporary, lastWrite);
        File.Delete(path);
        File.Move(temporary, path);
        Log.LogMessage(MessageImportance.High, "Marked version need {0} weak in {1} ({2} lacks it).",
            VersionName, path, systemLibrary);
    }

    /// <summary>The file offset of vna_flags of the Vernaux named <paramref name="name"/>, or -1.</summary>
    private static long FindVernauxFlags(byte[] elf, string name)
    {
        // ELF64 little-endian only: the one layout libtorch-cpu-linux-x64 ships.
        if (elf.Length < 64 || elf[0] != 0x7f || elf[1] != (byte)'E' || elf[2] != (byte)'L' || elf[3] != (byte)'F')
        {
            throw new InvalidDataException("not an ELF file");
        }

        if (elf[4] != 2 || elf[5] != 1)
        {
            throw new InvalidDataException("not a 64-bit little-endian ELF file");
        }

        var sectionTable = (long)ReadU64(elf, 0x28);
        var sectionSize = ReadU16(elf, 0x3A);
        var sectionCount = ReadU16(elf, 0x3C);
        for (var i = 0; i < sectionCount; i++)
        {
            var header = sectionTable + ((long)i * sectionSize);
            if (ReadU32(elf, header + 0x04) != ShtGnuVerneed)
            {
                continue;
            }

            var offset = (long)ReadU64(elf, header + 0x18);
            var link = ReadU32(elf, header + 0x28);
            var entries = ReadU32(elf, header + 0x2C);
            var strings = (long)ReadU64(elf, sectionTable + ((long)link * sectionSize) + 0x18);

            // Verneed: vn_version u16, vn_cnt u16, vn_file u32, vn_aux u32, vn_next u32 (offsets are relative).
            var verneed = offset;
            for (var n = 0; n < entries; n++)
            {
                var auxCount = ReadU16(elf, verneed + 2);
                // Vernaux: vna_hash u32, vna_flags u16, vna_other u16, vna_name u32, vna_next u32.
                var vernaux = verneed + ReadU32(elf, verneed + 8);
                for (var a = 0; a < auxCount; a++)
                {
                    if (ReadString(elf, strings + ReadU32(elf, vernaux + 8)) == name)
                    {
                        return vernaux + 4;
                    }

                    vernaux += ReadU32(elf, vernaux + 12);
                }

                var next = ReadU32(elf, verneed + 12);
                if (next == 0)
                {
                    break;
                }

                verneed += next;
            }
        }

        return -1;
    }

    private static bool Contains(byte[] haystack, byte[] needle)
    {
        for (var i = 0; i <= haystack.Length - needle.Length; i++)
        {
            var j = 0;
            while (j < needle.Length && haystack[i + j] == needle[j])
            {
                j++;
            }

            if (j == needle.Length)
            {
                return true;
            }
        }

        return false;
    }

    private static string ReadString(byte[] elf, long offset)
    {
        var end = offset;
        while (end < elf.Length && elf[end] != 0)
        {
            end++;
        }

        return Encoding.ASCII.GetString(elf, checked((int)offset), checked((int)(end - offset)));
    }

    private static void CheckRange(byte[] elf, long offset, int size)
    {
        if (offset < 0 || offset + size > elf.Length)
        {
            throw new InvalidDataException("offset " + offset + " lies outside the file");
        }
    }

    private static ushort ReadU16(byte[] elf, long offset)
    {
        CheckRange(elf, offset, 2);
        return (ushort)(elf[offset] | (elf[offset + 1] << 8));
    }

    private static uint ReadU32(byte[] elf, long offset)
    {
        CheckRange(elf, offset, 4);
        return (uint)(elf[offset] | (elf[offset + 1] << 8) | (elf[offset + 2] << 16) | (elf[offset + 3] << 24));
    }

    private static ulong ReadU64(byte[] elf, long offset)
    {
        return ReadU32(elf, offset) | ((ulong)ReadU32(elf, offset + 4) << 32);
    }
}
