using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using Simulation.Client.Hosting;

namespace Simulation.Client.Tests;

/// <summary>
/// DESIGN §2: the Client references the contracts and the model, never the grain classes, except
/// to host the embedded silo through the same extension as the Silo project. Checked on the
/// compiled Client: every type it references in the Simulation.Grains assembly (its metadata's
/// type references, which any use of a type, method or field from there adds) must be in
/// Simulation.Grains.Hosting.
/// </summary>
public sealed class ClientDependencyTests
{
    private const string GrainsAssembly = "Simulation.Grains";
    private const string HostingNamespace = "Simulation.Grains.Hosting";

    [Fact]
    public void The_client_uses_nothing_of_the_grain_implementations_but_their_hosting_extension()
    {
        var used = GrainTypesUsedBy(typeof(IRunHost).Assembly.Location);

        used.Should().NotBeEmpty("the embedded silo is hosted through Simulation.Grains.Hosting, so the check reads the references it means to");
        used.Where(t => !t.StartsWith(HostingNamespace + ".", StringComparison.Ordinal)).Should().BeEmpty();
    }

    [Fact]
    public void The_check_sees_a_grain_class_that_an_assembly_uses()
    {
        // This test assembly names the run grain's class here, so the reader must find it in its references.
        typeof(Simulation.Grains.Runs.RunGrain).Assembly.GetName().Name.Should().Be(GrainsAssembly);

        GrainTypesUsedBy(typeof(ClientDependencyTests).Assembly.Location).Should().Contain("Simulation.Grains.Runs.RunGrain");
    }

    /// <summary>The full names of the types <paramref name="assemblyPath"/> references in the Simulation.Grains assembly.</summary>
    private static List<string> GrainTypesUsedBy(string assemblyPath)
    {
        using var stream = File.OpenRead(assemblyPath);
        using var pe = new PEReader(stream);
        var metadata = pe.GetMetadataReader();
        var used = new List<string>();
        foreach (var handle in metadata.TypeReferences)
        {
            var type = metadata.GetTypeReference(handle);
            if (RootScope(metadata, type) is { Kind: HandleKind.AssemblyReference } scope
                && metadata.GetString(metadata.GetAssemblyReference((AssemblyReferenceHandle)scope).Name) == GrainsAssembly)
            {
                used.Add($"{metadata.GetString(type.Namespace)}.{metadata.GetString(type.Name)}");
            }
        }

        return used;
    }

    /// <summary>The assembly a type reference resolves to; a nested type's is its outer type's.</summary>
    private static EntityHandle RootScope(MetadataReader metadata, TypeReference type)
    {
        var scope = type.ResolutionScope;
        while (scope.Kind == HandleKind.TypeReference)
        {
            scope = metadata.GetTypeReference((TypeReferenceHandle)scope).ResolutionScope;
        }

        return scope;
    }
}
