using Orleans.Radius.Protocol.Eap;

namespace Orleans.Radius.Grains.Eap;

/// <summary>The <see cref="IEapMethodFactory"/> over every <see cref="EapMethodRegistration"/> in the container.</summary>
internal sealed class EapMethodFactory(IEnumerable<EapMethodRegistration> registrations, IServiceProvider services) : IEapMethodFactory
{
    // The last registration of a type wins, so a host can replace a method.
    private readonly Dictionary<EapType, Func<IServiceProvider, IEapMethod>> _methods =
        registrations.GroupBy(registration => registration.Type).ToDictionary(group => group.Key, group => group.Last().Create);

    public bool Supports(EapType type) => _methods.ContainsKey(type);

    public IEapMethod? Create(EapType type) => _methods.TryGetValue(type, out var create) ? create(services) : null;
}
