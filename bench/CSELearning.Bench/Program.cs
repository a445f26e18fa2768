using CSELearning.Bench;

// bench/run.sh calls one of these; each prints its result as one line of JSON (or writes the named file).
return args.FirstOrDefault() switch
{
    "pdf" => await Certificates.RunAsync(Arguments.Parse(args[1..])),
    "prepare" => await Prepare.RunAsync(Arguments.Parse(args[1..])),
    "timed" => await Timed.RunAsync(Arguments.Parse(args[1..])),
    "report" => await Report.RunAsync(Arguments.Parse(args[1..])),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: CSELearning.Bench pdf|prepare|timed|report --option value ...");
    return 2;
}
