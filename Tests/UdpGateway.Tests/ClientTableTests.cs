using System.Net;
using Orleans.Radius.Gateway.Clients;
using Orleans.Radius.Gateway.Hosting;

namespace Orleans.Radius.Gateway.Tests;

public class ClientTableTests
{
    private static readonly ClientTable Table = new(
    [
        Client("exact", "192.0.2.7"),
        Client("campus", "192.0.2.0/24"),
        Client("region", "192.0.0.0/16"),
        Client("v6-exact", "2001:db8::7"),
        Client("v6-block", "2001:db8::/32"),
    ]);

    [Theory]
    [InlineData("192.0.2.7", "exact")]
    [InlineData("192.0.2.8", "campus")]
    [InlineData("192.0.9.1", "region")]
    [InlineData("2001:db8::7", "v6-exact")]
    [InlineData("2001:db8:1::9", "v6-block")]
    [InlineData("::ffff:192.0.2.7", "exact")]
    [InlineData("::ffff:192.0.2.9", "campus")]
    public void Finds_the_most_specific_client_by_socket_address(string address, string expected)
    {
        var source = new IPEndPoint(IPAddress.Parse(address), 40000).Serialize();
        Assert.Equal(expected, Table.Find(source)?.Name);
        Assert.Equal(expected, Table.Find(IPAddress.Parse(address))?.Name);
    }

    [Theory]
    [InlineData("198.51.100.1")]
    [InlineData("2001:db9::1")]
    [InlineData("::ffff:198.51.100.1")]
    public void Unknown_sources_find_no_client(string address)
    {
        Assert.Null(Table.Find(new IPEndPoint(IPAddress.Parse(address), 1812).Serialize()));
    }

    [Fact]
    public void Socket_address_round_trips_to_an_endpoint()
    {
        var endPoint = new IPEndPoint(IPAddress.Parse("192.0.2.44"), 51234);
        Assert.Equal(endPoint, ClientTable.ToEndPoint(endPoint.Serialize()));
    }

    private static NasClient Client(string name, string address) =>
        new(new ClientOptions { Name = name, Address = address, Secret = "s3cret" });
}
