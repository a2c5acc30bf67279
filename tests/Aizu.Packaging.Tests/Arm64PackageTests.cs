namespace Aizu.Packaging.Tests;

/// <summary>The arm64 package's program (the Raspberry Pi's) starts and prints its version, under qemu-user.</summary>
[Collection(PackagesCollection.Name)]
public sealed class Arm64PackageTests(DebianPackages packages)
{
    private const ushort ElfMachineAarch64 = 0xB7;

    [Fact]
    public async Task The_arm64_program_starts_under_qemu_and_prints_its_version()
    {
        using var contents = new TemporaryDirectory();
        await Command.SucceedAsync("dpkg-deb", ["--extract", packages.Arm64, contents.Path], TimeSpan.FromMinutes(2));
        var program = Path.Combine(contents.Path, "usr", "lib", "aizu", "aizu");

        // e_machine in the ELF header: the package really holds an arm64 program, not the host's.
        var header = new byte[20];
        await using (var file = File.OpenRead(program))
        {
            await file.ReadExactlyAsync(header);
        }

        Assert.Equal(ElfMachineAarch64, BitConverter.ToUInt16(header, 18));

        // qemu-aarch64-static finds the arm64 C library and zlib through Debian multiarch (.ci/install-deps). The
        // Native AOT program's globalization is invariant, so it needs no ICU.
        var version = await Command.SucceedAsync("qemu-aarch64-static", [program, "--version"], TimeSpan.FromMinutes(3));
        Assert.Matches(@"^\d+\.\d+\.\d+", version.Output.Trim());

        // A command that writes files the way the gateway keeps every secret (AtomicFile: temporary file, rename,
        // flush of the directory). The directory is opened with the arm64 ABI's O_DIRECTORY; with the x86-64 value
        // (O_DIRECT there) the open failed with EINVAL and no key, password or PAN could be kept on a Pi.
        var configuration = Path.Combine(contents.Path, "aizu.json");
        var data = Path.Combine(contents.Path, "data");
        await File.WriteAllTextAsync(configuration, "{\"Aizu\":{\"Storage\":{\"DatabasePath\":\"" + Path.Combine(data, "aizu.db") + "\"}}}");
        var request = await Command.SucceedAsync(
            "qemu-aarch64-static",
            [program, "enroll", "--csr", "--config", configuration],
            TimeSpan.FromMinutes(3));
        Assert.Contains("-----BEGIN CERTIFICATE REQUEST-----", request.Output, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(data, "identity", "device.key")), request.Output + request.Error);
        Assert.True(File.Exists(Path.Combine(data, "identity", "device.csr")), request.Output + request.Error);
    }
}
