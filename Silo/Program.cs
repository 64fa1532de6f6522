using Orleans.Radius.Silo;

return await SiloProgram.RunAsync(args);
