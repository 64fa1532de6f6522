using Orleans.Radius.Protocol.Eap;

namespace Orleans.Radius.Grains.Eap;

/// <summary>One method the factory can create: registered with <see cref="EapServiceCollectionExtensions.AddEapMethod"/>.</summary>
/// <param name="Type">The EAP type the method speaks.</param>
/// <param name="Create">Makes a new instance for one conversation (null when it cannot now).</param>
/// <param name="IsAvailable">Whether the method can run with this silo's configuration (e.g. TLS needs certificates); null = always.</param>
internal sealed record EapMethodRegistration(EapType Type, Func<IServiceProvider, IEapMethod?> Create, Func<IServiceProvider, bool>? IsAvailable = null);
