using Simulation.Model.Determinism;

namespace Simulation.Model.Tests.Determinism;

public sealed class StableHashTests
{
    // Published FNV-1a 64 test vectors (the FNV reference test suite), re-computed independently
    // with a few lines of Python: h = 0xcbf29ce484222325; for b: h = ((h ^ b) * 0x100000001b3) mod 2^64.
    [Theory]
    [InlineData("", 0xcbf29ce484222325UL)]
    [InlineData("a", 0xaf63dc4c8601ec8cUL)]
    [InlineData("foobar", 0x85944171f73967e8UL)]
    public void A_single_part_is_plain_fnv1a_64(string text, ulong expected) =>
        StableHash.Of(text).Should().Be(expected);

    [Fact]
    public void Parts_are_joined_by_the_unit_separator_byte()
    {
        // Python: FNV-1a 64 of b"a\x1fb".
        StableHash.Of("a", "b").Should().Be(0xe5eaa319043b0991UL);
        StableHash.Of("ab", "c").Should().NotBe(StableHash.Of("a", "bc"));
        StableHash.Of("ab").Should().NotBe(StableHash.Of("a", "b"));
    }

    [Fact]
    public void A_seed_is_hashed_as_its_8_little_endian_bytes_before_the_parts()
    {
        // Python: FNV-1a 64 of struct.pack('<q', 42) + b"\x1fCAN-IDN\x1fCAN".
        StableHash.Of(42, "CAN-IDN", "CAN").Should().Be(0x765638103a1babcbUL);
        StableHash.Of(43, "CAN-IDN", "CAN").Should().NotBe(StableHash.Of(42, "CAN-IDN", "CAN"));
    }

    [Fact]
    public void Non_ascii_text_is_hashed_as_utf8()
    {
        // Python: FNV-1a 64 of "é".encode() (bytes C3 A9) and of "Côte d’Ivoire".encode().
        StableHash.Of("é").Should().Be(0x0ac21707b7181e01UL);
        StableHash.Of("Côte d’Ivoire").Should().Be(0x77e63ace6de4c841UL);
    }
}
