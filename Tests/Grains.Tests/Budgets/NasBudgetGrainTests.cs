namespace Orleans.Radius.Grains.Tests.Budgets;

/// <summary>The shared token bucket, driven on the manual clock so simulated seconds pass instantly.</summary>
[Collection(DefaultClusterCollection.Name)]
public sealed class NasBudgetGrainTests(DefaultClusterFixture fixture)
{
    [Fact]
    public async Task Two_gateways_leasing_batches_together_get_the_rate_within_ten_percent()
    {
        const int rate = 1000;
        const int batch = 50;
        var budget = fixture.Grains.GetGrain<INasBudgetGrain>("budget-accuracy");
        var step = TimeSpan.FromMilliseconds(1);
        var simulated = TimeSpan.FromSeconds(10);

        // Two gateways with more demand than the budget, asking at different cadences (every 7 and 11 ms).
        var granted = new long[2];
        int[] cadences = [7, 11];
        for (var elapsed = TimeSpan.Zero; elapsed < simulated; elapsed += step)
        {
            var millisecond = (int)elapsed.TotalMilliseconds;
            var asking = Enumerable.Range(0, 2).Where(gateway => millisecond % cadences[gateway] == 0).ToList();
            var leases = await Task.WhenAll(asking.Select(gateway => budget.Lease(batch, rate)));
            for (var i = 0; i < asking.Count; i++)
            {
                granted[asking[i]] += leases[i];
            }

            // Never more than the bucket's starting 100 ms plus what has been refilled since.
            Assert.True(granted.Sum() <= (rate / 10) + (rate * elapsed.TotalSeconds) + 1, $"{granted.Sum()} granted after {elapsed}");
            fixture.Clock.Advance(step);
        }

        var perSecond = granted.Sum() / simulated.TotalSeconds;
        Assert.InRange(perSecond, rate * 0.9, rate * 1.1);
        Assert.All(granted, share => Assert.True(share > 0));
    }

    [Fact]
    public async Task A_gateway_asking_less_than_the_rate_gets_all_it_asks_for()
    {
        var budget = fixture.Grains.GetGrain<INasBudgetGrain>("budget-under");

        for (var i = 0; i < 100; i++)
        {
            Assert.Equal(50, await budget.Lease(50, 1000));
            fixture.Clock.Advance(TimeSpan.FromMilliseconds(100));
        }
    }

    [Fact]
    public async Task An_empty_bucket_grants_nothing_until_time_passes()
    {
        var budget = fixture.Grains.GetGrain<INasBudgetGrain>("budget-empty");

        Assert.Equal(100, await budget.Lease(500, 1000));
        Assert.Equal(0, await budget.Lease(50, 1000));

        fixture.Clock.Advance(TimeSpan.FromMilliseconds(20));
        Assert.Equal(20, await budget.Lease(50, 1000));

        // Idle time refills only up to the 100 ms capacity.
        fixture.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(100, await budget.Lease(500, 1000));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public async Task A_rate_of_zero_or_less_is_unlimited(int rate)
    {
        var budget = fixture.Grains.GetGrain<INasBudgetGrain>($"budget-unlimited{rate}");

        for (var i = 0; i < 10; i++)
        {
            Assert.Equal(1_000_000, await budget.Lease(1_000_000, rate));
        }
    }

    [Fact]
    public async Task Asking_for_nothing_grants_nothing()
    {
        var budget = fixture.Grains.GetGrain<INasBudgetGrain>("budget-nothing");

        Assert.Equal(0, await budget.Lease(0, 1000));
        Assert.Equal(0, await budget.Lease(-5, 1000));
    }
}
