namespace Simulation.Client.Tests;

/// <summary>
/// scenarios/us-canada.yaml says where its values come from: the 2024 world of
/// scenarios/calibration/us-canada-2024.yaml (tariff_before_pct of the reference data), evaluated at
/// the November 2025 tariffs by the command in its opening comment. Every value must be that
/// command's output, so the file cannot drift from its stated calibration.
/// </summary>
public sealed class UsCanadaCalibrationTests
{
    [Fact]
    public Task The_november_2025_values_are_the_2024_world_evaluated_at_the_november_2025_tariffs() =>
        CalibrationCheck.ValuesAreTheCalibrationEvaluatedAsync(
            "us-canada.yaml", "us-canada-2024.yaml", 16,
            "the comment sets the six US lines on Canada, the six on the rest of the world, Canada's three counter-tariffs and the over-quota tariff of its 2025 steel quota");
}
