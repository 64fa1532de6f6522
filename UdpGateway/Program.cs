using Orleans.Radius.Gateway.Hosting;

return await GatewayProgram.RunAsync(args);
