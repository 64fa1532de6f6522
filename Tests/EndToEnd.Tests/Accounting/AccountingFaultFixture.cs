using Orleans.Radius.EndToEnd.Tests.Infrastructure;

namespace Orleans.Radius.EndToEnd.Tests.Accounting;

/// <summary>A cluster of its own for the accounting test that kills a silo and a gateway under load.</summary>
public sealed class AccountingFaultFixture() : AccountingClusterFixture("e2e-accounting-faults")
{
    private protected override void Configure(RadiusCluster cluster) =>
        cluster.Configure("accounting-faults.json", [], maxFailures: 0);
}

[CollectionDefinition(Name)]
public sealed class AccountingFaultCollection : ICollectionFixture<AccountingFaultFixture>
{
    public const string Name = "accounting-faults";
}
