using Veille.Cli;

return VeilleCli.Run(args);
