x = "ééé \N{foo}"
