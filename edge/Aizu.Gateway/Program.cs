using Aizu.Gateway.Cli;

return await GatewayCommandLine.Create(Console.Out, Console.Error).Parse(args).InvokeAsync();
