return await CityCommandLine.Create(Console.Out, Console.Error, TimeProvider.System).Parse(args).InvokeAsync();
