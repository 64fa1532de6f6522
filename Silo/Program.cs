using Orleans.Radius.Silo;
using Orleans.Radius.Silo.Admin;

return args is ["admin", .. var rest]
    ? await AdminCli.RunAsync(rest, Console.Out, Console.Error)
    : await SiloProgram.RunAsync(args);
