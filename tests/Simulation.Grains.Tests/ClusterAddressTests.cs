using Simulation.Grains.Hosting;

namespace Simulation.Grains.Tests;

/// <summary>The cluster address the silo and the CLI take (--cluster redis=HOST:PORT), read in one place.</summary>
public sealed class ClusterAddressTests
{
    [Theory]
    [InlineData("redis=127.0.0.1:6379", "127.0.0.1", 6379)]
    [InlineData("redis=cache.example.org:7000", "cache.example.org", 7000)]
    [InlineData("redis=[::1]:6380", "::1", 6380)]
    public void A_redis_address_gives_its_host_and_port(string text, string host, int port)
    {
        ClusterAddress.TryParse(text, out var address, out var problem).Should().BeTrue(problem);
        address.Should().Be(new ClusterAddress(host, port));
        address!.ToString().Should().Be(text, "the address prints as it is written");
    }

    [Theory]
    [InlineData("", "expected redis=HOST:PORT")]
    [InlineData("127.0.0.1:6379", "Redis is the one cluster store supported")]
    [InlineData("etcd=127.0.0.1:2379", "Redis is the one cluster store supported")]
    [InlineData("redis=127.0.0.1", "both a host and a port")]
    [InlineData("redis=:6379", "both a host and a port")]
    [InlineData("redis=127.0.0.1:", "both a host and a port")]
    [InlineData("redis=127.0.0.1:0", "from 1 to 65535")]
    [InlineData("redis=127.0.0.1:65536", "from 1 to 65535")]
    [InlineData("redis=127.0.0.1:63 79", "from 1 to 65535")]
    [InlineData("redis=127.0.0.1:-1", "from 1 to 65535")]
    public void A_malformed_address_is_refused_saying_what_is_expected(string text, string expected)
    {
        ClusterAddress.TryParse(text, out var address, out var problem).Should().BeFalse();
        address.Should().BeNull();
        problem.Should().Contain(expected);
    }

    [Theory]
    [InlineData(5000)]
    [InlineData(1500)]
    public void The_redis_client_fails_a_first_connection_within_the_stated_time(int milliseconds)
    {
        var redis = new ClusterAddress("127.0.0.1", 6379).RedisConfiguration(TimeSpan.FromMilliseconds(milliseconds));

        redis.EndPoints.Should().ContainSingle().Which.ToString().Should().Be("127.0.0.1:6379");
        redis.AbortOnConnectFail.Should().BeTrue("a silo that cannot reach Redis at start stops instead of waiting");
        redis.ConnectTimeout.Should().Be(milliseconds);
    }
}
