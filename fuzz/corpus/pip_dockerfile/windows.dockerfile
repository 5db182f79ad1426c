# escape=`
FROM mcr.microsoft.com/windows/servercore:ltsc2022
RUN pip install `
    numpy==2.1.1 `
    C:\wheels\local.whl
RUN ["pip", "install", "broken"
