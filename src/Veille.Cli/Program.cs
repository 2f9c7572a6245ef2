Console.WriteLine("veille");
