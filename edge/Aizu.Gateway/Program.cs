return await GatewayCommandLine.Create(Console.Out, Console.Error).Parse(args).InvokeAsync();
