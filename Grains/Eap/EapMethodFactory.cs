using Orleans.Radius.Protocol.Eap;

namespace Orleans.Radius.Grains.Eap;

/// <summary>The <see cref="IEapMethodFactory"/> over every <see cref="EapMethodRegistration"/> in the container.</summary>
internal sealed class EapMethodFactory(IEnumerable<EapMethodRegistration> registrations, IServiceProvider services) : IEapMethodFactory
{
    // The last registration of a type wins, so a host can replace a method.
    private readonly Dictionary<EapType, EapMethodRegistration> _methods =
        registrations.GroupBy(registration => registration.Type).ToDictionary(group => group.Key, group => group.Last());

    public bool Supports(EapType type) =>
        _methods.TryGetValue(type, out var method) && (method.IsAvailable is null || method.IsAvailable(services));

    public IEapMethod? Create(EapType type) => Supports(type) ? _methods[type].Create(services) : null;
}
