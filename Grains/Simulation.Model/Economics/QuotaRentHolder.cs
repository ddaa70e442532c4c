namespace Simulation.Model.Economics;

/// <summary>
/// Who captures a tariff-rate quota's rent (DESIGN §4.1 <c>rent:</c>): the importer's government
/// (licences auctioned, so the rent is tariff revenue) or the exporter (licences handed to its firms,
/// so the rent is their gain, counted in its producers' surplus).
/// </summary>
public enum QuotaRentHolder
{
    Importer,
    Exporter,
}
