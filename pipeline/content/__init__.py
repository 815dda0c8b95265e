"""Reading and checking content/*.md: structure, links, images, codes, placeholders."""
