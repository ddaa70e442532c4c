using System.Net;
using System.Net.Sockets;
using Simulation.Client.Cluster;

namespace Simulation.Client.Tests;

/// <summary>The CLI's in-process silo and the ports it picks.</summary>
public sealed class EmbeddedSiloTests
{
    [Fact]
    public async Task A_silo_whose_ports_were_taken_before_it_bound_them_starts_on_new_ones()
    {
        // Someone holds a port between the moment it was found free and the moment the silo binds it.
        using var squatter = new TcpListener(IPAddress.Loopback, 0);
        squatter.Start();
        var taken = ((IPEndPoint)squatter.LocalEndpoint).Port;
        var offered = new List<(int Silo, int Gateway)>();
        (int Silo, int Gateway) ChoosePorts()
        {
            var ports = offered.Count == 0 ? (taken, ClusterConnection.FreeLoopbackPorts().Gateway) : ClusterConnection.FreeLoopbackPorts();
            offered.Add(ports);
            return ports;
        }

        await using var connection = await ClusterConnection.HostAsync(ChoosePorts, CancellationToken.None);

        offered.Should().HaveCount(2, "the first ports were taken, the second were free");
        connection.Embedded.Should().BeTrue();
        (await connection.Client.GetGrain<IManagementGrain>(0).GetHosts()).Should().ContainSingle();
    }

    [Fact]
    public async Task A_silo_that_keeps_finding_its_ports_taken_gives_up_after_a_stated_number_of_attempts()
    {
        using var squatter = new TcpListener(IPAddress.Loopback, 0);
        squatter.Start();
        var taken = ((IPEndPoint)squatter.LocalEndpoint).Port;
        var attempts = 0;
        (int Silo, int Gateway) AlwaysTheTakenPort()
        {
            attempts++;
            return (taken, ClusterConnection.FreeLoopbackPorts().Gateway);
        }

        var start = () => ClusterConnection.HostAsync(AlwaysTheTakenPort, CancellationToken.None);

        await start.Should().ThrowAsync<Exception>();
        attempts.Should().Be(ClusterConnection.PortAttempts);
    }

    [Fact]
    public void The_two_ports_chosen_for_an_embedded_silo_differ()
    {
        for (var i = 0; i < 100; i++)
        {
            var (silo, gateway) = ClusterConnection.FreeLoopbackPorts();
            silo.Should().NotBe(gateway);
        }
    }
}
