namespace Simulation.Client.Tests;

/// <summary>
/// scenarios/canada-asia-pivot.yaml says where its values come from: the 2024 world of
/// scenarios/calibration/canada-asia-pivot-2024.yaml (tariff_before_pct of the reference data),
/// evaluated at the November 2025 tariffs by the command in its opening comment. Every value must be
/// that command's output, so the file cannot drift from its stated calibration.
/// </summary>
public sealed class CanadaAsiaPivotCalibrationTests
{
    [Fact]
    public Task The_november_2025_values_are_the_2024_world_evaluated_at_the_november_2025_tariffs() =>
        CalibrationCheck.ValuesAreTheCalibrationEvaluatedAsync(
            "canada-asia-pivot.yaml", "canada-asia-pivot-2024.yaml", 17,
            "the comment sets China's three duties, Canada's two surtaxes on China, the five US duties on Canada, Canada's counter-tariff, the five US duties on the rest of the world and the over-quota tariff of Canada's 2025 steel quota");
}
