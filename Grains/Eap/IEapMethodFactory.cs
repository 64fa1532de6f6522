using Orleans.Radius.Protocol.Eap;

namespace Orleans.Radius.Grains.Eap;

/// <summary>Creates the method instance of one conversation; which methods exist depends on what was registered.</summary>
internal interface IEapMethodFactory
{
    /// <summary>Whether a method of <paramref name="type"/> is registered.</summary>
    bool Supports(EapType type);

    /// <summary>A new instance of the method of <paramref name="type"/>, or null when none is registered.</summary>
    IEapMethod? Create(EapType type);
}
