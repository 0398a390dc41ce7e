"""The frame around every screen: the header, the key bar and the private inputs."""
