module example.com/brackets

go 1.19
