namespace ReleaseBot.Core.Domain;

public enum ReleaseStatus
{
    /// <summary>Weights are public on the Hub.</summary>
    Released = 0,
    /// <summary>Announced by the vendor, weights not (yet) public.</summary>
    Announced = 1,
}
