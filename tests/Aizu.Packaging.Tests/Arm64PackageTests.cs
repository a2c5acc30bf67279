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

        // qemu-aarch64-static finds the arm64 C library through Debian multiarch (.ci/install-deps installs
        // libc6:arm64 and libstdc++6:arm64); ICU is left out there, so globalization is invariant here.
        var version = await Command.SucceedAsync(
            "qemu-aarch64-static",
            [program, "--version"],
            TimeSpan.FromMinutes(3),
            environment: new Dictionary<string, string> { ["DOTNET_SYSTEM_GLOBALIZATION_INVARIANT"] = "1" });
        Assert.Matches(@"^\d+\.\d+\.\d+", version.Output.Trim());
    }
}
